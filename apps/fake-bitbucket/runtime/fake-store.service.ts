import { Injectable } from '@nestjs/common';
import { OAuthTokenRegistry } from '../auth/oauth-token.registry';
import type { FakeDataset } from '../dataset/fake-dataset';
import { seedDataset } from '../seed/seed-dataset';
import { fakeSettingsSchema, type FakeSettings } from './fake-settings';

/** The live dataset, settings and issued OAuth tokens; reset() brings all back to the documented seed. */
@Injectable()
export class FakeStore {
  private current: FakeDataset = seedDataset();
  private currentSettings: FakeSettings = fakeSettingsSchema.parse({});
  private tokens = new OAuthTokenRegistry();

  get oauthTokens(): OAuthTokenRegistry {
    return this.tokens;
  }

  get data(): FakeDataset {
    return this.current;
  }

  get settings(): FakeSettings {
    return this.currentSettings;
  }

  updateSettings(input: unknown): FakeSettings {
    this.currentSettings = fakeSettingsSchema.parse({ ...this.currentSettings, ...(input as object) });
    return this.currentSettings;
  }

  reset(): void {
    this.current = seedDataset();
    this.currentSettings = fakeSettingsSchema.parse({});
    this.tokens = new OAuthTokenRegistry();
  }
}
