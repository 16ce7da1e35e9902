/** Storybook's stand-in for @web/test-runner-commands: server commands exist only under web-test-runner. */
export function executeServerCommand(command: string): Promise<never> {
  return Promise.reject(new Error(`${command}: server commands run only under web-test-runner`));
}
