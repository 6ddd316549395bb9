// The Create cluster form as a browser without JavaScript posts it, for the benchmark and for
// tests that post it directly. Node built-ins only.
import { randomUUID } from 'node:crypto';

/** The hidden fields React puts in the page's form to name the server action. */
export function actionFields(html) {
  return Object.fromEntries(
    [...html.matchAll(/<input type="hidden" name="(\$ACTION[^"]*)"(?: value="([^"]*)")?/g)].map(
      ([, name, value = '']) => [name, value.replaceAll('&quot;', '"').replaceAll('&amp;', '&')],
    ),
  );
}

/** The form's fields with the page's defaults: Fargate on, EC2 fields present but unused. */
export function clusterFormFields(clusterName) {
  return {
    requestId: randomUUID(),
    clusterName,
    fargate: 'on',
    monitoring: 'disabled',
    execLogging: 'DEFAULT',
    autoScalingGroupArn: '',
    provisioningModel: 'ON_DEMAND',
    spotAllocationStrategy: 'price-capacity-optimized',
    amiFamily: 'al2023',
    instanceType: 't3.medium',
    instanceProfile: '',
    minSize: '0',
    maxSize: '5',
    keyName: '',
    rootVolumeSize: '30',
    securityGroupMode: 'existing',
    publicIp: 'subnet',
  };
}
