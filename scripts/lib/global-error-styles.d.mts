export function dropGlobalErrorStyles(distDir: string): number;
