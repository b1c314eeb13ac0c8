import { render } from "@react-email/render";
import { catalogue, type EmailProps, type TemplateName } from "./catalogue";

export type RenderedEmail = { subject: string; html: string; text: string };

export async function renderEmail<T extends TemplateName>(template: T, props: EmailProps[T]): Promise<RenderedEmail> {
  const entry = catalogue[template];
  const element = entry.element(props);
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  return { subject: entry.subject(props), html, text };
}
