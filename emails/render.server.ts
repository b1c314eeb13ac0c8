import { render } from "@react-email/render";
import { catalogue, type EmailProps, type TemplateName } from "./catalogue";

export type RenderedEmail = { subject: string; html: string; text: string };

// html-to-text upper-cases headings by default; vacancy titles are headings in the HTML and read as written.
const PLAIN_TEXT = {
  selectors: ["h1", "h2"].map((selector) => ({ selector, options: { uppercase: false } })),
};

export async function renderEmail<T extends TemplateName>(template: T, props: EmailProps[T]): Promise<RenderedEmail> {
  const entry = catalogue[template];
  const element = entry.element(props);
  const [html, text] = await Promise.all([
    render(element),
    render(element, { plainText: true, htmlToTextOptions: PLAIN_TEXT }),
  ]);
  return { subject: entry.subject(props), html: withoutNul(html), text: withoutNul(text) };
}

// react-email's Preview pads with invisible characters that, for some lengths, include U+0000,
// which PostgreSQL cannot store in text.
function withoutNul(s: string): string {
  return s.replaceAll("\u0000", "");
}
