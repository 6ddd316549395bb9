/** English, the catalogue every other language must match key for key. */
export const en = {
  'app.serviceName': 'Amazon Elastic Container Service',
  'app.skipToContent': 'Skip to main content',
  'nav.clusters': 'Clusters',
  'nav.breadcrumbs': 'Breadcrumbs',
  'sandbox.banner':
    'Sandbox — no AWS account connected. Clusters are created in a local emulated AWS (moto) and are gone when it stops.',
  'region.label': 'Region: {region}',
  'language.label': 'Language',
  'language.switchTo': 'Switch language',

  'clusters.title': 'Clusters',
  'clusters.description': 'The clusters in this account and Region.',
  'clusters.create': 'Create cluster',
  'clusters.column.name': 'Cluster',
  'clusters.column.status': 'Status',
  'clusters.column.capacityProviders': 'Capacity providers',
  'clusters.column.services': 'Services',
  'clusters.column.runningTasks': 'Running tasks',
  'clusters.column.containerInstances': 'Container instances',
  'clusters.empty.title': 'No clusters',
  'clusters.empty.description': 'No clusters exist in this Region yet.',
  'clusters.count': '{count} clusters',

  'create.title': 'Create cluster',
  'create.description':
    'An Amazon ECS cluster groups together tasks, services, and the capacity they run on. Review the requests below before you create it.',
  'create.cancel': 'Cancel',
  'create.submit': 'Create',
  'create.submitting': 'Creating…',
  'create.errorSummary.title': 'Fix {count} problems before you create the cluster',
  'create.errorSummary.titleOne': 'Fix 1 problem before you create the cluster',

  'clusterConfiguration.title': 'Cluster configuration',
  'clusterName.label': 'Cluster name',
  'clusterName.description': 'A unique name for the cluster in this account and Region.',
  'clusterName.constraint':
    'Up to 255 letters (uppercase and lowercase), numbers, hyphens, and underscores.',
  'namespace.label': 'Default namespace',
  'namespace.description':
    'The AWS Cloud Map namespace that services in this cluster use for Service Connect. Pick an existing namespace, or type a new name. It follows the cluster name until you change it; leave it empty for none.',
  'namespace.constraint': 'Up to 1,024 characters, without spaces or < > " /. Or the ARN of an existing namespace.',
  'namespace.willCreate':
    'No namespace "{name}" exists in this Region: Amazon ECS will create it as a new AWS Cloud Map namespace (HTTP, discovery by API calls).',
  'namespace.existing': 'Uses the existing {type} namespace "{name}".',
  'namespace.existingArn': 'Uses the existing namespace {arn}.',
  'namespace.listUnavailable': 'The existing namespaces could not be listed: {reason}',
  'namespace.type.HTTP': 'HTTP',
  'namespace.type.DNS_PUBLIC': 'public DNS',
  'namespace.type.DNS_PRIVATE': 'private DNS',

  'infrastructure.title': 'Infrastructure',
  'infrastructure.description':
    'Your cluster is automatically configured for AWS Fargate (serverless) with two capacity providers, FARGATE and FARGATE_SPOT.',
  'infrastructure.legend': 'Infrastructure',
  'fargate.label': 'AWS Fargate (serverless)',
  'fargate.description':
    'Pay as you go. Use if you have tiny, batch, or burst workloads or for zero maintenance overhead. The cluster has Fargate and Fargate Spot capacity providers by default.',
  'infrastructure.compare.title': 'Fargate or Amazon EC2 instances?',
  'infrastructure.compare.fargate':
    'AWS Fargate: no servers to manage, you pay for each task’s vCPU and memory, with less control over the host.',
  'infrastructure.compare.ec2':
    'Amazon EC2 instances: full control of the operating system and instance type, savings with Spot and Reserved Instances, and more to manage.',
  'infrastructure.ec2Later':
    'Amazon EC2 instance capacity (an Auto Scaling group) is not offered by this page yet; you can add it to the cluster later.',

  'monitoring.title': 'Monitoring',
  'monitoring.description': 'Collect metrics and logs of the cluster’s containers with CloudWatch Container Insights.',
  'monitoring.legend': 'Container Insights',
  'monitoring.enhanced.label': 'Container Insights with enhanced observability',
  'monitoring.enhanced.description':
    'Recommended. Detailed health and performance metrics down to the container, at additional CloudWatch cost.',
  'monitoring.enabled.label': 'Container Insights',
  'monitoring.enabled.description': 'Metrics aggregated at the cluster and service level.',
  'monitoring.disabled.label': 'Turn off',
  'monitoring.disabled.description': 'No Container Insights metrics. This is the default.',

  'troubleshooting.title': 'Troubleshooting configuration',
  'troubleshooting.description':
    'ECS Exec lets you run commands in your containers. Choose how those sessions are encrypted and logged.',
  'execKmsKeyId.label': 'AWS KMS key for ECS Exec',
  'execKmsKeyId.description': 'Encrypts the data between your client and the container. Leave empty to use TLS only.',
  'kmsKey.constraint': 'The ARN of a single-Region key, such as arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab.',
  'execLogging.legend': 'ECS Exec logging',
  'execLogging.DEFAULT.label': 'Default',
  'execLogging.DEFAULT.description': 'Use the logging configured in the task definition’s awslogs driver.',
  'execLogging.CLOUDWATCH.label': 'Amazon CloudWatch',
  'execLogging.CLOUDWATCH.description': 'Send the session output to a CloudWatch Logs log group.',
  'execLogging.S3.label': 'Amazon S3',
  'execLogging.S3.description': 'Upload the session output to an S3 bucket.',
  'execLogging.NONE.label': 'None',
  'execLogging.NONE.description': 'Do not log ECS Exec sessions.',
  'execLogGroupName.label': 'CloudWatch log group',
  'execLogGroupName.description': 'An existing log group in this Region.',
  'execLogGroupName.constraint': 'Up to 512 letters, numbers, and . - _ / #',
  'execLogGroupEncryption.label': 'Encrypt the log data',
  'execLogGroupEncryption.description': 'The log group must be encrypted with a KMS key.',
  'execS3BucketName.label': 'S3 bucket',
  'execS3BucketName.description': 'An existing bucket that the task role can write to.',
  'execS3BucketName.constraint': '3 to 63 lowercase letters, numbers, dots, and hyphens.',
  'execS3KeyPrefix.label': 'S3 key prefix',
  'execS3KeyPrefix.description': 'The folder within the bucket, for example exec-logs/.',
  'execS3Encryption.label': 'Encrypt the uploaded logs',
  'execS3Encryption.description': 'The bucket must have default encryption turned on.',

  'encryption.title': 'Encryption',
  'encryption.description': 'Encrypt the storage of the cluster’s tasks with your own AWS KMS keys.',
  'managedStorageKmsKeyId.label': 'Managed storage',
  'managedStorageKmsKeyId.description': 'Encrypts Amazon EBS volumes that ECS attaches to tasks.',
  'fargateEphemeralStorageKmsKeyId.label': 'Fargate ephemeral storage',
  'fargateEphemeralStorageKmsKeyId.description': 'Encrypts the ephemeral storage of tasks on Fargate.',

  'tags.title': 'Tags',
  'tags.description':
    'Tags help you identify and organize the cluster. They are also put on every resource created for it.',
  'tags.key': 'Key',
  'tags.value': 'Value',
  'tags.keyOfRow': 'Key of tag {row}',
  'tags.valueOfRow': 'Value of tag {row}',
  'tags.add': 'Add tag',
  'tags.remove': 'Remove',
  'tags.removeRow': 'Remove tag {row}',
  'tags.empty': 'No tags are associated with the cluster.',
  'tags.remaining': 'You can add {count} more tags.',
  'tags.constraint':
    'Keys up to 128 and values up to 256 letters, numbers, spaces, and _ . : / = + - @. Neither may start with aws:.',

  'optional': 'optional',
  'section.optional': '- optional',

  'review.title': 'Review',
  'review.description':
    'Exactly what Create sends to AWS, in order. The same plan is executed when you choose Create.',
  'review.step': 'Step {number}: {action}',
  'review.request': 'Request (JSON)',
  'review.cli': 'AWS CLI equivalent',
  'review.invalid': 'Fix the problems in the form to see the requests.',

  'cluster.createdAlert': 'Cluster {name} has been created.',
  'cluster.notFound': 'No cluster named {name} exists in this Region.',
  'cluster.overview': 'Cluster overview',
  'cluster.arn': 'ARN',
  'cluster.status': 'Status',
  'cluster.refreshing': 'The cluster is still being set up. This page refreshes until it is active.',
  'cluster.capacityProviders': 'Capacity providers',
  'cluster.defaultStrategy': 'Default capacity provider strategy',
  'cluster.strategyItem': '{provider} (base {base}, weight {weight})',
  'cluster.containerInsights': 'Container Insights',
  'cluster.execConfiguration': 'ECS Exec',
  'cluster.execKmsKey': 'KMS key',
  'cluster.execLogging': 'Logging',
  'cluster.execLogDestination': 'Log destination',
  'cluster.managedStorageKey': 'Managed storage KMS key',
  'cluster.fargateStorageKey': 'Fargate ephemeral storage KMS key',
  'cluster.namespace': 'Default namespace',
  'cluster.tags': 'Tags',
  'cluster.none': 'None',
  'cluster.encrypted': 'encrypted',

  'validation.requestId': 'This form has expired. Reload the page and try again.',
  'validation.clusterName.required': 'Enter a cluster name.',
  'validation.clusterName.tooLong': 'The cluster name can have at most 255 characters.',
  'validation.clusterName.characters':
    'The cluster name can contain only letters, numbers, hyphens (-), and underscores (_).',
  'validation.clusterName.taken':
    'An active cluster with this name already exists in this account and Region. Choose another name.',
  'validation.namespace.tooLong': 'The namespace can have at most 1,024 characters.',
  'validation.namespace.characters': 'The namespace cannot contain spaces or the characters < > " /.',
  'validation.namespace.arn':
    'This is not a valid AWS Cloud Map namespace ARN (arn:aws:servicediscovery:<Region>:<account>:namespace/ns-…).',
  'validation.namespace.notFound': 'No AWS Cloud Map namespace with this ARN exists in this Region.',
  'validation.infrastructure.required': 'Select at least one type of infrastructure.',
  'validation.choice': 'Select one of the options.',
  'validation.kmsKey.format':
    'Enter the ARN of an AWS KMS key (arn:aws:kms:<Region>:<account>:key/<key ID>).',
  'validation.kmsKey.alias': 'Enter the key’s ARN, not an alias.',
  'validation.kmsKey.multiRegion': 'Multi-Region keys are not supported here. Enter the ARN of a single-Region key.',
  'validation.logGroup.required': 'Enter the name of the CloudWatch log group.',
  'validation.logGroup.tooLong': 'The log group name can have at most 512 characters.',
  'validation.logGroup.characters':
    'The log group name can contain only letters, numbers, and the characters . - _ / #',
  'validation.bucket.required': 'Enter the name of the S3 bucket.',
  'validation.bucket.length': 'A bucket name has 3 to 63 characters.',
  'validation.bucket.characters':
    'A bucket name has lowercase letters, numbers, dots, and hyphens, starts and ends with a letter or number, and is not an IP address.',
  'validation.s3KeyPrefix.tooLong': 'The key prefix can have at most 1,024 characters.',
  'validation.tags.tooMany': 'You can add at most 49 tags.',
  'validation.tag.keyRequired': 'Enter a key.',
  'validation.tag.keyTooLong': 'A key can have at most 128 characters.',
  'validation.tag.valueTooLong': 'A value can have at most 256 characters.',
  'validation.tag.characters':
    'Use only letters, numbers, spaces, and the characters _ . : / = + - @',
  'validation.tag.reservedPrefix': 'Keys and values cannot start with aws:, which AWS reserves.',
  'validation.tag.duplicateKey': 'This key is already used by another tag. Keys must be unique.',

  'aws.accessDenied':
    'AWS denied the request: the server’s credentials are not allowed to call {permission}. Ask an administrator to grant it, then try again. Nothing was created.',
  'aws.throttled': 'AWS is limiting the rate of requests right now. Wait a minute and try again. Nothing was created.',
  'aws.unreachable':
    'The server could not reach AWS ({detail}). Check its network and endpoint settings, then try again. Nothing was created.',
  'aws.noCredentials':
    'The server has no AWS credentials. Configure a profile, environment keys, or a role for it, then try again. Nothing was created.',
  'aws.limitExceeded': 'An AWS quota was reached: {detail} Delete unused resources or request a quota increase.',
  'aws.invalidRequest': 'AWS rejected the request: {detail}',
  'aws.serviceError': 'AWS had an internal error. Try again in a few minutes. Nothing was created.',
  'aws.unexpected':
    'Something went wrong while talking to AWS. Try again; if it keeps happening, give your administrator this reference: {reference}.',
  'aws.stepFailed': 'Step “{step}” failed.',
  'aws.rolledBack': 'Everything created before it was deleted again.',
  'aws.loadFailed': 'The data could not be loaded from AWS. {detail}',
} as const;
