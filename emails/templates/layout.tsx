import { Body, Container, Head, Heading, Hr, Html, Preview, Text } from "@react-email/components";
import type { ReactNode } from "react";

export function EmailLayout(props: { preview: string; heading: string; children: ReactNode }) {
  return (
    <Html lang="en">
      <Head />
      <Preview>{props.preview}</Preview>
      <Body style={{ fontFamily: "Arial, sans-serif", backgroundColor: "#f4f6f8", color: "#0b0c0c" }}>
        <Container style={{ backgroundColor: "#ffffff", padding: "24px", maxWidth: "560px" }}>
          <Heading as="h1" style={{ fontSize: "22px" }}>
            {props.heading}
          </Heading>
          {props.children}
          <Hr />
          <Text style={{ fontSize: "12px", color: "#505a5f" }}>
            Staffroom: schools in your area recruiting together. If you did not expect this e-mail you can ignore it.
          </Text>
        </Container>
      </Body>
    </Html>
  );
}
