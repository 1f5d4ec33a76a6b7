import { Injectable } from '@nestjs/common';
import { faultRuleSchema } from './fault-rule';
import { FaultRuleState } from './fault-rule.state';

@Injectable()
export class FaultRegistry {
  private rules: FaultRuleState[] = [];
  private nextId = 1;

  add(input: unknown): FaultRuleState {
    const state = new FaultRuleState(this.nextId++, faultRuleSchema.parse(input));
    this.rules.push(state);
    return state;
  }

  remove(id: number): boolean {
    const before = this.rules.length;
    this.rules = this.rules.filter((rule) => rule.id !== id);
    return this.rules.length < before;
  }

  /** Removes every rule; ids go on counting, so an id a test still holds names no new rule. */
  clear(): void {
    this.rules = [];
  }

  /** Removes every rule and numbers the next one 1 again, as on a fresh start. */
  reset(): void {
    this.clear();
    this.nextId = 1;
  }

  list(): readonly FaultRuleState[] {
    return this.rules;
  }

  /** The first rule that matches and still applies; counting the request against it. */
  take(method: string, path: string): FaultRuleState | undefined {
    for (const rule of this.rules) {
      if (rule.matches(method, path) && rule.take()) return rule;
    }
    return undefined;
  }
}
