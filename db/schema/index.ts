export * from "./auth";
export * from "./emails";
export * from "./memberships";
export * from "./organisations";
export * from "./partnerships";
export * from "./places";
export * from "./schools";
export * from "./vacancies";
