import { KIOSK_MANIFEST } from '../../offline-shared';

/**
 * Points the page's manifest link at the kiosk's, so "Install app" on a kiosk page installs an app
 * that starts in kiosk mode (`./?mode=kiosk`); installed from a plain page, Sightline opens the
 * player. Browsers read the link when they offer to install, after the page has loaded.
 */
export function linkKioskManifest(doc: Document = document): void {
  doc.querySelector('link[rel="manifest"]')?.setAttribute('href', KIOSK_MANIFEST);
}
