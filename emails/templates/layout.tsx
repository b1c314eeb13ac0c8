import {
  Body,
  Container,
  Head,
  Heading,
  Hr,
  Html,
  Link as EmailLink,
  Preview,
  Text as EmailText,
} from "@react-email/components";
import type { ComponentProps, ReactNode } from "react";

/** Body text at 16 px (react-email's default is 14 px). */
export function Text({ style, ...props }: ComponentProps<typeof EmailText>) {
  return <EmailText {...props} style={{ fontSize: "16px", lineHeight: "24px", ...style }} />;
}

/** Links underlined, in the site's link colour (7.0:1 on white; react-email's default blue is 3.97:1). */
export function Link({ style, ...props }: ComponentProps<typeof EmailLink>) {
  return <EmailLink {...props} style={{ color: "#1a5a96", textDecoration: "underline", ...style }} />;
}

/** A link written out for pasting: long tokens break anywhere, so the mail never scrolls sideways on a phone. */
export function PastableLink({ href }: { href: string }) {
  return (
    <Link href={href} style={{ wordBreak: "break-all", overflowWrap: "anywhere" }}>
      {href}
    </Link>
  );
}

export const buttonStyle = { backgroundColor: "#00703c", color: "#ffffff", padding: "10px 16px", fontSize: "16px" };

/** The preview text is the first thing inside <body> (mail programs show it beside the subject), the <title> the subject. */
export function EmailLayout(props: { preview: string; heading: string; title?: string; children: ReactNode }) {
  return (
    <Html lang="en-GB">
      <Head>
        <title>{props.title ?? props.heading}</title>
      </Head>
      <Body style={{ fontFamily: "Arial, sans-serif", backgroundColor: "#f4f6f8", color: "#0b0c0c", margin: 0 }}>
        <Preview>{props.preview}</Preview>
        <Container style={{ backgroundColor: "#ffffff", padding: "24px", maxWidth: "560px" }}>
          <Heading as="h1" style={{ fontSize: "24px", lineHeight: "30px" }}>
            {props.heading}
          </Heading>
          {props.children}
          <Hr />
          <Text style={{ color: "#484949" }}>
            Staffroom: schools in your area recruiting together. If you did not expect this e-mail you can ignore it.
          </Text>
        </Container>
      </Body>
    </Html>
  );
}
