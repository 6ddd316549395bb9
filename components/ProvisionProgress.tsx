import Link from 'next/link';
import type { StepId } from '@/lib/cluster/plan';
import type { ProvisionRun } from '@/lib/provision/runs';
import { Alert } from '@/components/ui/Alert';
import { Container } from '@/components/ui/Container';
import { REQUEST_TAG_KEY } from '@/lib/cluster/limits';
import type { Translate } from '@/lib/i18n/messages';

const STATUS_MARK: Record<ProvisionRun['steps'][number]['status'], string> = {
  pending: 'bg-line-soft',
  running: 'bg-info',
  done: 'bg-success',
  failed: 'bg-error',
  unverified: 'bg-warning',
  rolledBack: 'bg-line',
  rollbackFailed: 'bg-error',
};

const quoted = (steps: StepId[], t: Translate) => steps.map((step) => `“${t(`step.${step}`)}”`).join(', ');

/** A Create or Delete request's steps as the server runs them, and how the run ended. */
export function ProvisionProgress({ run, t }: { run: ProvisionRun; t: Translate }) {
  return (
    <>
      {run.kind === 'delete' ? <DeleteOutcome run={run} t={t} /> : <CreateOutcome run={run} t={t} />}
      <Steps run={run} t={t} />
    </>
  );
}

function DeleteOutcome({ run, t }: { run: ProvisionRun; t: Translate }) {
  const failure = run.failure;
  if (run.state === 'succeeded')
    return <Alert type="success">{t('progress.deleted', { name: run.clusterName })}</Alert>;
  if (run.state === 'running') return <Alert type="info">{t('progress.deleting', { name: run.clusterName })}</Alert>;
  return (
    <Alert type="error">
      {failure &&
        `${t('progress.deleteFailed', {
          name: run.clusterName,
          step: t(`step.${failure.step}`),
          reason: t(failure.message.key, failure.message.params),
        })} ${t('progress.deleteRemains', { steps: quoted(failure.mayRemain, t) })} `}
      <Link href={`/clusters/${encodeURIComponent(run.clusterName)}/delete`}>{t('progress.retryDelete')}</Link>
    </Alert>
  );
}

function CreateOutcome({ run, t }: { run: ProvisionRun; t: Translate }) {
  const failure = run.failure;
  const withEc2Capacity = run.steps.some((step) => step.id === 'createCapacityProvider');
  return (
    <>
      {run.state === 'succeeded' && (
        <Alert type="success">
          {withEc2Capacity
            ? t('progress.succeeded', { name: run.clusterName })
            : t('cluster.createdAlert', { name: run.clusterName })}
        </Alert>
      )}
      {run.state === 'running' && (
        <Alert type="info">{t(withEc2Capacity ? 'progress.running' : 'progress.runningCluster')}</Alert>
      )}
      {run.state === 'failed' && (
        <Alert type="error">
          {failure
            ? `${t('progress.failed', {
                name: run.clusterName,
                step: t(`step.${failure.step}`),
                reason: t(failure.message.key, failure.message.params),
              })} ${
                failure.mayRemain.length > 0
                  ? t('progress.mayRemain', {
                      steps: quoted(failure.mayRemain, t),
                      tag: REQUEST_TAG_KEY,
                      requestId: run.requestId,
                    })
                  : run.steps.some((step) => step.status === 'rolledBack')
                    ? t('progress.rolledBack')
                    : t('aws.nothingCreated')
              }`
            : t('progress.rollbackFailed', { tag: REQUEST_TAG_KEY, requestId: run.requestId })}
        </Alert>
      )}
    </>
  );
}

function Steps({ run, t }: { run: ProvisionRun; t: Translate }) {
  return (
    <Container
      id="progress"
      title={t(run.kind === 'delete' ? 'progress.deleteTitle' : 'progress.title')}
      description={run.state === 'running' ? t('progress.description') : t('progress.descriptionDone')}
    >
      <ol className="space-y-2" aria-live="polite">
        {run.steps.map((step, index) => (
          <li
            key={step.id}
            className="flex flex-wrap items-center gap-x-3"
            data-step={step.id}
            data-status={step.status}
          >
            <span aria-hidden="true" className={`h-2.5 w-2.5 rounded-full ${STATUS_MARK[step.status]}`} />
            <span className="min-w-0 flex-1">
              {index + 1}. {t(`step.${step.id}`)}{' '}
              <code className="text-ink-muted font-mono text-xs">{step.action}</code>
            </span>
            <span className="font-bold">
              {/* A step still pending once the run has ended never ran. */}
              {t(
                `progress.status.${step.status === 'pending' && run.state !== 'running' ? 'notStarted' : step.status}`,
              )}
            </span>
          </li>
        ))}
      </ol>
    </Container>
  );
}
