import { describe, expect, it } from 'vitest';
import { packageDisplay } from '@/components/customers/package-status';

describe('packageDisplay: every package status shown is derivable from the data', () => {
  it('a deprovisioned customer shows no package as Active', () => {
    expect(packageDisplay('deprovisioned', 'provisioned')).toEqual({ label: 'Removed', tone: 'gray' });
  });
  it('a customer in Error shows a package its stopped job never reached as Not enabled, not Provisioning', () => {
    expect(packageDisplay('error', 'provisioning')).toEqual({ label: 'Not enabled', tone: 'gray' });
    expect(packageDisplay('suspended', 'provisioning').label).toBe('Not enabled');
  });
  it('Provisioning only while a job works on the customer', () => {
    expect(packageDisplay('provisioning', 'provisioning')).toEqual({ label: 'Provisioning', tone: 'amber' });
    expect(packageDisplay('updating', 'provisioning').label).toBe('Provisioning');
  });
  it('live packages stay Active, failed ones Error', () => {
    expect(packageDisplay('provisioned', 'provisioned')).toEqual({ label: 'Active', tone: 'green' });
    expect(packageDisplay('provisioned_with_errors', 'error')).toEqual({ label: 'Error', tone: 'red' });
  });
});
