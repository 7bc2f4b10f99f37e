import imageCompression from 'browser-image-compression';
import { fieldPhotoMaxBytes } from '../../shared/contract/field';

/** The figure for a meter's photo; the workstation refuses above fieldPhotoMaxBytes (350 KB). */
export const photoTargetBytes = 300 * 1024;

/**
 * The camera's picture as a JPEG of at most 300 KB. browser-image-compression draws it upright by
 * its EXIF orientation and lowers the quality step by step; a picture that still does not fit is
 * drawn smaller. Without a web worker: its worker would load the library from a CDN the branch's
 * network may not reach, and one photo at a time does not need it.
 */
export async function compressPhoto(file: File): Promise<Blob> {
  for (const side of [1600, 1200, 900]) {
    const out = await imageCompression(file, {
      maxSizeMB: 0.29,
      maxWidthOrHeight: side,
      useWebWorker: false,
      fileType: 'image/jpeg',
      initialQuality: 0.85,
    });
    if (out.size <= photoTargetBytes && out.size <= fieldPhotoMaxBytes && out.type === 'image/jpeg')
      return new Blob([out], { type: 'image/jpeg' });
  }
  throw new Error('photo.tooLarge');
}
