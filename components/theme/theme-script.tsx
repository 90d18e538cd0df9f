/**
 * Runs before first paint: applies the reader's saved theme (the CSS follows the system
 * otherwise) and marks the page as scripted so that JavaScript-only controls appear.
 */
const script = `(function(){var d=document.documentElement;d.dataset.js="";try{var t=localStorage.getItem("theme");if(t==="light"||t==="dark")d.dataset.theme=t}catch(e){}})()`;

export function ThemeScript() {
  return <script dangerouslySetInnerHTML={{ __html: script }} />;
}
