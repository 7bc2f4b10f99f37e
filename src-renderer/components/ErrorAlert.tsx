import { Alert } from '@mantine/core';
import type { ApiError } from '../api/client';

export const ErrorAlert = ({ error }: { error: ApiError | null }) =>
  error ? (
    <Alert color="red" role="alert" my="xs">
      {error.message}
    </Alert>
  ) : null;
