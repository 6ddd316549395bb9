import { TEST_REQUEST_ID } from '@/lib/cluster/builders';
import { defaultClusterFormValues, type ClusterFormValues } from './fields';
import { clusterFormSchema } from './form-schema';

/** Form values for tests of the form: the defaults with a name, and an EC2 setup that passes every rule. */
export { TEST_REQUEST_ID };

export const ec2Values: Partial<ClusterFormValues> = {
  ec2: true,
  instanceType: 't3.medium',
  instanceProfile: 'ecsInstanceRole',
  vpcId: 'vpc-0a1b2c3d4e5f60718',
  subnetIds: ['subnet-0aaaaaaaaaaaaaaaa', 'subnet-0bbbbbbbbbbbbbbbb'],
  securityGroupIds: ['sg-0dddddddddddddddd'],
};

export function formValues(change: Partial<ClusterFormValues> = {}): ClusterFormValues {
  return { ...defaultClusterFormValues(TEST_REQUEST_ID), clusterName: 'demo', ...change };
}

export const validRequest = (change: Partial<ClusterFormValues> = {}) => clusterFormSchema.parse(formValues(change));
