import { ShareButtons } from "./share-buttons";

export function ShareLinks({ url, title }: { url: string; title: string }) {
  const encodedUrl = encodeURIComponent(url);
  const links = [
    {
      label: "X",
      name: "Share on X",
      href: `https://x.com/intent/post?url=${encodedUrl}&text=${encodeURIComponent(title)}`,
    },
    {
      label: "LinkedIn",
      name: "Share on LinkedIn",
      href: `https://www.linkedin.com/sharing/share-offsite/?url=${encodedUrl}`,
    },
    {
      label: "Email",
      name: "Share by email",
      href: `mailto:?subject=${encodeURIComponent(title)}&body=${encodedUrl}`,
    },
  ];
  return (
    <section aria-labelledby="share-heading" className="no-print mt-12 font-sans text-sm">
      <h2 id="share-heading" className="font-semibold">
        Share this article
      </h2>
      <div className="mt-3 flex flex-wrap items-center gap-2">
        {links.map((link) => (
          <a
            key={link.label}
            href={link.href}
            aria-label={link.name}
            rel="noopener noreferrer"
            target={link.href.startsWith("mailto:") ? undefined : "_blank"}
            className="rounded border border-rule px-3 py-1.5 hover:border-accent hover:text-accent"
          >
            {link.label}
          </a>
        ))}
        <ShareButtons url={url} title={title} />
      </div>
    </section>
  );
}
