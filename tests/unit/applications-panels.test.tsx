import { renderToStaticMarkup } from "react-dom/server";
import { createMemoryRouter, RouterProvider } from "react-router-dom";
import type { ReactElement } from "react";
import { describe, expect, it } from "vitest";
import { ReferencesPanel, type RefereeLine } from "../../app/applications/components/references-panel";
import { SaveVacancy } from "../../app/applications/components/save-vacancy";
import { referenceAnswers } from "../support/application-records";

/** Remix's Form needs a router around it, as on a page. */
const render = (element: ReactElement) =>
  renderToStaticMarkup(<RouterProvider router={createMemoryRouter([{ path: "/", element }])} />);

const line = (over: Partial<RefereeLine>): RefereeLine => ({
  name: "Grace <b>Head</b>",
  jobTitle: "Headteacher",
  organisation: "Riverside Academy",
  currentEmployer: true,
  contactBeforeInterview: true,
  state: "not-requested",
  requestedAt: null,
  remindedAt: null,
  answeredAt: null,
  expiresAt: null,
  answers: null,
  ...over,
});

describe("the employer's references panel", () => {
  it("shows each referee's state, received answers as text, and the button only when a request is allowed", () => {
    const html = render(
      <ReferencesPanel
        referees={[
          line({
            state: "received",
            requestedAt: "2026-12-01T10:00:00Z",
            answeredAt: "2026-12-02T10:00:00Z",
            answers: referenceAnswers({ wouldReemploy: "unsure", comments: "<script>alert(1)</script>" }),
          }),
          line({ name: "Sam Mentor", state: "expired", contactBeforeInterview: false }),
        ]}
        request={{ allowed: true, message: "Ask Sam Mentor" }}
      />,
    );
    expect(html).toContain("Grace &lt;b&gt;Head&lt;/b&gt;");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).not.toContain("<script>");
    expect(html).toContain("Received (asked Tuesday 1 December 2026 at 10:00am; answered Wednesday 2 December 2026");
    expect(html).toContain("Would you employ the applicant again?</dt><dd>Not sure");
    expect(html).not.toContain("If so, tell us about them");
    expect(html).toContain("Link expired without an answer");
    expect(html).toContain('name="intent" value="request-references"');
    expect(html).toContain("Request references</button>");

    const refused = render(<ReferencesPanel referees={[]} request={{ allowed: false, message: "Shortlist first" }} />);
    expect(refused).toContain("Shortlist first.");
    expect(refused).not.toContain("Request references</button>");
  });
});

describe("the save button", () => {
  it("saves, or removes a saved job", () => {
    expect(render(<SaveVacancy saved={false} />)).toContain('value="save"');
    expect(render(<SaveVacancy saved />)).toMatch(/value="unsave".*Remove from saved jobs/s);
  });
});
