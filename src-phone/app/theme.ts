import { Button, Checkbox, createTheme, NativeSelect, PasswordInput, Textarea, TextInput } from '@mantine/core';

/** The phone's brand colour, also the manifest's theme colour (vite.phone.config.ts). */
export const themeColour = '#1c7ed6';

/**
 * Touch first: every control large (Mantine's lg is 50 px high, above the 48 px a finger needs) and
 * 18 px text in fields, which also keeps iOS from zooming in on focus.
 */
export const theme = createTheme({
  primaryColor: 'blue',
  defaultRadius: 'md',
  fontFamily: 'system-ui, "Segoe UI", Roboto, "Noto Sans", sans-serif',
  components: {
    Button: Button.extend({ defaultProps: { size: 'lg' } }),
    TextInput: TextInput.extend({ defaultProps: { size: 'lg' } }),
    PasswordInput: PasswordInput.extend({ defaultProps: { size: 'lg' } }),
    NativeSelect: NativeSelect.extend({ defaultProps: { size: 'lg' } }),
    Textarea: Textarea.extend({ defaultProps: { size: 'lg' } }),
    Checkbox: Checkbox.extend({ defaultProps: { size: 'lg' } }),
  },
});
