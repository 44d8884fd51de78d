import type { StrapiApp } from '@strapi/strapi/admin';
import { watchDirections } from './rtl/apply';

export default {
  config: {
    // Editors can switch the admin interface itself to Arabic in their profile.
    locales: ['ar'],
  },
  bootstrap(_app: StrapiApp) {
    // Strapi's admin has no right-to-left support; lay out Arabic content fields right-to-left.
    watchDirections(document, () => window.location.href);
  },
};
