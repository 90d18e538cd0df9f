/** The bare page's build: the framework's defaults. */
const nextConfig = { poweredByHeader: false };

export default nextConfig;
