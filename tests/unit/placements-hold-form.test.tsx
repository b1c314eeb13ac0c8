import { renderToStaticMarkup } from "react-dom/server";
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router-dom/server";
import { describe, expect, it } from "vitest";
import { RotationView } from "../../app/placements/components/rotation-view";
import type { FormReply } from "../../app/components/intent-forms.server";
import type { Rotation } from "../../app/placements/trainees.server";

const entryId = "5b0f7c1e-2a43-4d8e-9c1a-0f6a1b2c3d4e";
const rotation: Rotation = {
  trainee: {
    id: "trainee",
    providerId: "provider",
    providerName: "Vale ITT",
    name: "Otto Other",
    email: "otto@trainee.example",
    route: "postgraduate_fee_funded",
    subject: "primary",
    phase: "primary",
    programmeStartsOn: "2026-09-01",
    programmeEndsOn: "2027-07-16",
    targetDays: 120,
    homeArea: "M33",
    maxTravelMiles: 1,
    rotationCompletedAt: null,
  },
  bookings: [],
  days: { counted: 0, target: 120, short: 120 },
  contrast: { distinctSchools: 0, enoughSchools: false, warnings: [] },
  waitlist: [
    {
      id: entryId,
      status: "held",
      label: "A",
      startsOn: "2026-09-14",
      endsOn: "2026-10-23",
      confirmBy: "2026-12-07",
      schoolName: "Navigation Primary School",
      position: 0,
    },
  ],
};

/** The rotation as the coordinator's page renders it on the server, after `reply` (a refused form) if any. */
async function render(reply?: FormReply): Promise<string> {
  // A data router, as Remix gives the page: its <Form> needs one.
  const routes = [{ path: "/", element: <RotationView rotation={rotation} actions={() => []} reply={reply} /> }];
  const { query, dataRoutes } = createStaticHandler(routes);
  const context = await query(new Request("http://localhost/"));
  if (context instanceof Response) throw new Error("The test route redirected");
  return renderToStaticMarkup(
    <StaticRouterProvider router={createStaticRouter(dataRoutes, context)} context={context} />,
  );
}

const warning =
  "Navigation Primary School is 2 miles in a straight line from Otto Other's home area, over the 1-mile limit. To book it anyway, give the reason";

describe("a held place's form", async () => {
  it("asks for no reason until the coordinator has been warned about the travel limit", async () => {
    const html = await render();
    expect(html).toContain("Confirm the held place at Navigation Primary School");
    expect(html).not.toContain('name="travelOverrideReason"');
  });

  it("after the warning, asks for the reason at a field the error summary links to", async () => {
    const html = await render({
      intent: "hold",
      message: warning,
      fieldErrors: { travelOverrideReason: [warning] },
      values: { intent: "hold", entryId, answer: "confirm" },
    });
    expect(html).toContain('id="hold-travelOverrideReason"');
    expect(html).toContain('name="travelOverrideReason"');
    expect(html).toContain('href="#hold-travelOverrideReason"');
    expect(html).toContain("Reason to book beyond the trainee&#x27;s travel limit");
  });

  it("a refusal about another form or another held place asks for nothing", async () => {
    const other = { intent: "hold", message: "x", fieldErrors: { travelOverrideReason: ["x"] } };
    expect(await render({ ...other, values: { entryId: "someone-else" } })).not.toContain(
      'name="travelOverrideReason"',
    );
    expect(await render({ ...other, intent: "book", values: { entryId } })).not.toContain(
      'name="travelOverrideReason"',
    );
  });
});
