import { addressLines, type DisplayAddress } from '@/lib/domain/address-format';

/** An address as written in its country ("Seattle, WA 98101"), one line per <br>. */
export function PostalAddress({ address, testId }: { address: DisplayAddress; testId?: string }) {
  const lines = addressLines(address);
  return (
    <address className="not-italic" data-testid={testId}>
      {lines.map((line, i) => (
        <span key={i} className="block">
          {line}
        </span>
      ))}
    </address>
  );
}
