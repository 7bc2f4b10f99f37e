import { createTheme, Modal } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'blue',
  defaultRadius: 'sm',
  fontFamily: 'system-ui, "Segoe UI", Roboto, "Noto Sans", sans-serif',
  focusRing: 'always',
  components: {
    // Dialogs appear at once: an animated one is not in the page yet when the operator's next key
    // arrives, and that key would land on the screen behind it.
    Modal: Modal.extend({ defaultProps: { transitionProps: { duration: 0 } } }),
  },
});
