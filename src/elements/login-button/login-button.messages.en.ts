/** English, the source: every other locale has the same keys (the type checker enforces it). */
const messages = {
  signIn: 'Sign in',
  checking: 'Checking your sign-in…',
  error: 'We could not check whether you are signed in.',
  account: (name: string) => `Account menu for ${name}`,
  myOrders: 'My orders',
  signOut: 'Sign out',
  signingOut: 'Signing out…',
  signOutFailed: 'We could not sign you out. Please try again.',
};

export default messages;
