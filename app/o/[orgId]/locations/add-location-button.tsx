'use client';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button } from '@/components/ui/primitives';
import { useToast } from '@/components/ui/toast';
import { AddLocationForm } from './add-location-form';

export function AddLocationButton({ orgId, country }: { orgId: string; country: string }) {
  const [open, setOpen] = useState(false);
  const router = useRouter();
  const toast = useToast();
  if (!open) return <Button onClick={() => setOpen(true)}>Add location</Button>;
  return (
    <div className="mb-6 w-full">
      <AddLocationForm
        orgId={orgId}
        country={country}
        onCancel={() => setOpen(false)}
        onAdded={(l) => {
          toast(`Location ${l.name} added.`);
          setOpen(false);
          router.refresh();
        }}
      />
    </div>
  );
}
