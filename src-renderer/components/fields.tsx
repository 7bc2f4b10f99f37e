import { PasswordInput, TextInput, type PasswordInputProps, type TextInputProps } from '@mantine/core';

type Valued<P> = Omit<P, 'onChange'> & { onValue: (value: string) => void };

/** A text field that hands back its text: forms keep strings, not events. */
export const TextField = ({ onValue, ...props }: Valued<TextInputProps>) => (
  <TextInput {...props} onChange={(event) => onValue(event.currentTarget.value)} />
);

export const PasswordField = ({ onValue, ...props }: Valued<PasswordInputProps>) => (
  <PasswordInput {...props} onChange={(event) => onValue(event.currentTarget.value)} />
);
