"""The code-location origin of `make run`'s Dagster run, so the UI files it under the code location.

A run started in process (`execute_in_process`) records no code-location origin; the UI then lists it on the
job's Runs page (by the repository tag) but leaves it out of Overview > Timeline, which groups runs by origin.
`with_code_location_origin` gives the run the origin `make dev` serves the definitions from (the module and
location name of pyproject's [tool.dagster]). Dagster has no public argument for this: the instance's
`create_run_for_job` (which accepts the origin) is wrapped for this one process. Checked against Dagster 1.13.
"""

from __future__ import annotations

import dagster as dg
from dagster._core.remote_origin import (
    ManagedGrpcPythonEnvCodeLocationOrigin,
    RemoteJobOrigin,
    RemoteRepositoryOrigin,
)
from dagster._core.types.loadable_target_origin import LoadableTargetOrigin

from ..paths import PROJECT_ROOT

MODULE = "dagster_project.definitions"
LOCATION = "china_tech_rerating"  # pyproject.toml [tool.dagster] code_location_name
REPOSITORY = "__repository__"  # the name Dagster gives the repository of a Definitions object


def job_origin(job_name: str) -> RemoteJobOrigin:
    target = LoadableTargetOrigin(module_name=MODULE, working_directory=str(PROJECT_ROOT))
    location = ManagedGrpcPythonEnvCodeLocationOrigin(target, LOCATION)
    return RemoteJobOrigin(RemoteRepositoryOrigin(location, REPOSITORY), job_name)


def with_code_location_origin(instance: dg.DagsterInstance, job_name: str) -> dg.DagsterInstance:
    create = instance.create_run_for_job

    def create_run_for_job(*args, **kwargs):
        return create(*args, **{**kwargs, "remote_job_origin": kwargs.get("remote_job_origin") or job_origin(job_name)})

    instance.create_run_for_job = create_run_for_job
    return instance
