import { REQUEST_TAG_KEY, TEAM_TAG_KEY } from '../limits';
import type { ClusterRequest } from '../request';

type Tagged = Pick<ClusterRequest, 'tags' | 'requestId' | 'team'>;

/** The person's tags, the team's and the tag naming this request, for every resource the plan creates. */
export function resourceTags(request: Tagged): { key: string; value: string }[] {
  return [
    ...request.tags.map(({ key, value }) => ({ key, value })),
    ...(request.team === undefined ? [] : [{ key: TEAM_TAG_KEY, value: request.team }]),
    { key: REQUEST_TAG_KEY, value: request.requestId },
  ];
}

/** The same tags spelt as EC2, IAM and Auto Scaling spell them. */
export function awsTags(request: Tagged) {
  return resourceTags(request).map(({ key, value }) => ({ Key: key, Value: value }));
}
