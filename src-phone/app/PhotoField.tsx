import { Alert, Button, Group, Loader, Stack, Text } from '@mantine/core';
import { useEffect, useId, useRef, type ChangeEvent } from 'react';
import { words } from '../words';

/** The stored Blob shown through an object URL set on the element itself, revoked when the blob changes or the picture goes. */
function Thumbnail({ blob }: { blob: Blob }) {
  const image = useRef<HTMLImageElement>(null);
  useEffect(() => {
    const url = URL.createObjectURL(blob);
    if (image.current) image.current.src = url;
    return () => URL.revokeObjectURL(url);
  }, [blob]);
  return (
    <img
      ref={image}
      alt={words.thumbnail}
      width={120}
      height={120}
      style={{ objectFit: 'cover', borderRadius: 'var(--mantine-radius-sm)', flex: 'none' }}
      data-testid="photo-thumbnail"
    />
  );
}

// In the accessibility tree (so it has its name) but not on the screen: the large label below is what a finger taps.
const offScreen = { position: 'absolute', width: 1, height: 1, opacity: 0, overflow: 'hidden' } as const;

interface Props {
  blob: Blob | null;
  sent: boolean;
  busy: boolean;
  error: string | null;
  onFile: (file: File) => void;
  onRemove: () => void;
}

/** The meter's photo: taken with the phone's camera (capture="environment"), shown as a thumbnail. */
export function PhotoField({ blob, sent, busy, error, onFile, onRemove }: Props) {
  const id = useId();
  const change = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.currentTarget.files?.[0];
    // Cleared, so that choosing the same picture again still counts as a change.
    event.currentTarget.value = '';
    if (file) onFile(file);
  };
  return (
    <Stack gap="xs" pos="relative">
      <input id={id} type="file" accept="image/*" capture="environment" aria-label={words.photo} onChange={change} style={offScreen} />
      <Button component="label" htmlFor={id} variant="light" fullWidth disabled={busy}>
        {blob ? words.retakePhoto : words.takePhoto}
      </Button>
      {busy && (
        <Group gap="xs">
          <Loader size="sm" />
          <Text>{words.compressing}</Text>
        </Group>
      )}
      {error && (
        <Alert color="red" role="alert" p="xs">
          {error}
        </Alert>
      )}
      {blob && (
        <Group gap="sm" align="center" wrap="nowrap">
          <Thumbnail blob={blob} />
          <Stack gap={4}>
            <Text size="sm">{Math.round(blob.size / 1024)} КБ</Text>
            {sent && (
              <Text size="sm" c="teal">
                {words.photoSent}
              </Text>
            )}
            <Button variant="subtle" color="red" onClick={onRemove}>
              {words.removePhoto}
            </Button>
          </Stack>
        </Group>
      )}
    </Stack>
  );
}
