"""The sandbox's AWS: moto's server, with moto brought in line with AWS where this app relies on it.

Run as `python3 scripts/sandbox/moto_server.py -H 127.0.0.1 -p PORT` (the same arguments as
`python3 -m moto.server`). Each patch names the AWS behaviour it restores.
"""

import os
import sys

# AWS: AWS managed policies (AmazonEC2ContainerServiceforEC2Role among them) exist in every account.
os.environ.setdefault("MOTO_IAM_LOAD_MANAGED_POLICIES", "true")

from moto.ecs.models import EC2ContainerServiceBackend
from moto.server import main

_describe_capacity_providers = EC2ContainerServiceBackend.describe_capacity_providers


def describe_capacity_providers(self, names):
    # AWS: DescribeCapacityProviders without names describes every capacity provider.
    # moto 5.2 fails with an internal error instead.
    if not names:
        return list(self.capacity_providers.values()), []
    return _describe_capacity_providers(self, names)


EC2ContainerServiceBackend.describe_capacity_providers = describe_capacity_providers

if __name__ == "__main__":
    main(sys.argv[1:])
