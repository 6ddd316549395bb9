import { describe, expect, it } from 'vitest';
import { clusterFormValuesFromFormData } from './fields';

function formData(entries: [string, string][]) {
  const data = new FormData();
  for (const [name, value] of entries) data.append(name, value);
  return data;
}

describe('clusterFormValuesFromFormData', () => {
  it('reads a posted form, with checkboxes present only when checked', () => {
    const values = clusterFormValuesFromFormData(
      formData([
        ['requestId', 'r-1'],
        ['clusterName', 'demo'],
        ['namespace', 'demo'],
        ['fargate', 'on'],
        ['monitoring', 'enhanced'],
        ['execLogging', 'OVERRIDE'],
        ['execS3', 'on'],
        ['execS3BucketName', 'logs'],
        ['execS3Encryption', 'on'],
        ['tags.0.key', 'team'],
        ['tags.0.value', '팀'],
      ]),
    );
    expect(values).toMatchObject({
      requestId: 'r-1',
      clusterName: 'demo',
      fargate: true,
      monitoring: 'enhanced',
      execLogging: 'OVERRIDE',
      execS3: true,
      execS3BucketName: 'logs',
      execS3Encryption: true,
      execLogGroupEncryption: false,
      tags: [{ key: 'team', value: '팀' }],
    });
  });

  it('treats missing fields as unchecked, and gives the ones the page had not rendered their default', () => {
    expect(clusterFormValuesFromFormData(new FormData())).toMatchObject({
      clusterName: '',
      fargate: false,
      ec2: false,
      tags: [],
      provisioningModel: 'ON_DEMAND',
      amiFamily: 'al2023',
      maxSize: '5',
      subnetIds: [],
    });
  });

  it('keeps a posted choice that is not one of the options, for the schema to refuse', () => {
    expect(clusterFormValuesFromFormData(formData([['provisioningModel', 'RESERVED']])).provisioningModel).toBe(
      'RESERVED',
    );
  });

  it('orders tag rows by index, even with gaps left by removed rows', () => {
    const values = clusterFormValuesFromFormData(
      formData([
        ['tags.5.key', 'b'],
        ['tags.5.value', '2'],
        ['tags.1.key', 'a'],
        ['tags.1.value', '1'],
      ]),
    );
    expect(values.tags).toEqual([
      { key: 'a', value: '1' },
      { key: 'b', value: '2' },
    ]);
  });

  it('keeps one row past the limit so the schema can say there are too many, and no more', () => {
    const entries: [string, string][] = [];
    for (let i = 0; i < 500; i += 1) entries.push([`tags.${i}.key`, `k${i}`]);
    expect(clusterFormValuesFromFormData(formData(entries)).tags).toHaveLength(50);
  });

  it('ignores files posted in place of text', () => {
    const data = new FormData();
    data.append('clusterName', new Blob(['x']), 'x.txt');
    expect(clusterFormValuesFromFormData(data).clusterName).toBe('');
  });
});
