"""The sandbox's AWS: moto's server, with moto brought in line with AWS where this app relies on it.

Run as `python3 scripts/sandbox/moto_server.py -H 127.0.0.1 -p PORT` (the same arguments as
`python3 -m moto.server`). Each patch names the AWS behaviour it restores.
"""

import copy
import os
import sys

# AWS: AWS managed policies (AmazonEC2ContainerServiceforEC2Role among them) exist in every account.
os.environ.setdefault("MOTO_IAM_LOAD_MANAGED_POLICIES", "true")

from moto.ec2.exceptions import InvalidLaunchTemplateNameNotFoundError
from moto.ec2.models.launch_templates import LaunchTemplateBackend
from moto.ecs.exceptions import EcsClientException, InvalidParameterException
from moto.ecs.models import EC2ContainerServiceBackend
from moto.iam.exceptions import NoSuchEntity
from moto.iam.models import IAMBackend
from moto.server import main
from moto.ssm.models import ParameterDict

_describe_capacity_providers = EC2ContainerServiceBackend.describe_capacity_providers


def describe_capacity_providers(self, names):
    # AWS: DescribeCapacityProviders without names describes every capacity provider.
    # moto 5.2 fails with an internal error instead.
    if not names:
        return list(self.capacity_providers.values()), []
    return _describe_capacity_providers(self, names)


EC2ContainerServiceBackend.describe_capacity_providers = describe_capacity_providers

_create_cluster = EC2ContainerServiceBackend.create_cluster


def create_cluster(self, cluster_name, tags=None, cluster_settings=None, *args, **kwargs):
    # AWS: CreateCluster is idempotent: for the name of an active cluster it answers that cluster
    # when the request is the same, and refuses one with other arguments (here: other tags, which
    # name the request). moto 5.2 replaces the cluster instead.
    existing = self.clusters.get(cluster_name)
    if existing is not None and existing.status == "ACTIVE":
        if sorted((tag["key"], tag["value"]) for tag in existing.tags or []) != sorted(
            (tag["key"], tag["value"]) for tag in tags or []
        ):
            raise InvalidParameterException(
                "Arguments on this idempotent request are inconsistent with arguments used in previous request(s)."
            )
        return existing
    # AWS: a cluster created without a containerInsights setting takes the account's setting.
    # moto 5.2 turns Container Insights off instead.
    named = {setting["name"] for setting in cluster_settings or []}
    account = self.account_settings.get("containerInsights")
    if "containerInsights" not in named and account is not None:
        cluster_settings = [*(cluster_settings or []), {"name": "containerInsights", "value": account.value}]
    return _create_cluster(self, cluster_name, tags, cluster_settings, *args, **kwargs)


EC2ContainerServiceBackend.create_cluster = create_cluster

_delete_capacity_provider = EC2ContainerServiceBackend.delete_capacity_provider


def delete_capacity_provider(self, name_or_arn):
    # AWS: deleting a capacity provider that does not exist is a ClientException saying so.
    # moto 5.2 fails with an internal error instead.
    if self._get_provider(name_or_arn) is None:
        raise EcsClientException("The specified capacity provider does not exist.")
    return _delete_capacity_provider(self, name_or_arn)


EC2ContainerServiceBackend.delete_capacity_provider = delete_capacity_provider

_delete_launch_template = LaunchTemplateBackend.delete_launch_template


def delete_launch_template(self, name, tid):
    # AWS: deleting a launch template by a name that does not exist is
    # InvalidLaunchTemplateName.NotFoundException. moto 5.2 answers MissingParameter instead.
    if name and name not in self.launch_template_name_to_ids:
        raise InvalidLaunchTemplateNameNotFoundError()
    return _delete_launch_template(self, name, tid)


LaunchTemplateBackend.delete_launch_template = delete_launch_template

_remove_role_from_instance_profile = IAMBackend.remove_role_from_instance_profile


def remove_role_from_instance_profile(self, profile_name, role_name):
    # AWS: removing a role the instance profile does not hold is NoSuchEntity.
    # moto 5.2 fails with an internal error instead.
    profile = self.get_instance_profile(profile_name)
    if not any(role.name == role_name for role in profile.roles):
        raise NoSuchEntity(f"The role {role_name} is not in instance profile {profile_name}.")
    return _remove_role_from_instance_profile(self, profile_name, role_name)


IAMBackend.remove_role_from_instance_profile = remove_role_from_instance_profile

# AWS: Bottlerocket for ECS publishes its AMIs under /aws/service/bottlerocket/aws-ecs-2/<arch>/latest.
# moto 5.2 ships only the ECS-optimized Amazon Linux parameters: the sandbox adds Bottlerocket's,
# pointing at the Amazon Linux 2023 AMIs of the same architecture (moto boots neither).
BOTTLEROCKET = "/aws/service/bottlerocket/aws-ecs-2/"
BOTTLEROCKET_STAND_INS = {
    "x86_64": "/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id",
    "arm64": "/aws/service/ecs/optimized-ami/amazon-linux-2023/arm64/recommended/image_id",
}
_check_loading_status = ParameterDict._check_loading_status


def check_loading_status(self, key):
    _check_loading_status(self, key)
    if not str(key or "").startswith(BOTTLEROCKET) or getattr(self, "bottlerocket_loaded", False):
        return
    self.bottlerocket_loaded = True
    _check_loading_status(self, "/aws/service/ecs/optimized-ami")
    for architecture, stand_in in BOTTLEROCKET_STAND_INS.items():
        versions = dict.get(self, stand_in, [])
        if versions:
            name = f"{BOTTLEROCKET}{architecture}/latest/image_id"
            parameter = copy.copy(versions[-1])
            parameter.name = name
            dict.__setitem__(self, name, [parameter])


ParameterDict._check_loading_status = check_loading_status

if __name__ == "__main__":
    main(sys.argv[1:])
