/** What a team's rules may allow, apart from the schema, so the form's bundle carries no full zod. */
export const INFRASTRUCTURE_CHOICES = ['fargate', 'ec2'] as const;
export type InfrastructureChoice = (typeof INFRASTRUCTURE_CHOICES)[number];
