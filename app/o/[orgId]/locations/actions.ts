'use server';
import { addLocation } from '@/lib/locations/add-location';
import { addLocationSchema } from '@/lib/locations/location-schema';
import { orgAction } from '@/lib/server/org-action';

export const addLocationAction = orgAction('cv.locations.manage', addLocationSchema, addLocation);
