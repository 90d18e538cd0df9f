/** The bare page has nothing to start; without this file the build took in the site's own. */
export function register() {}
