/**
 * Vitest's order, with the crash harness first. Without a cache of earlier runs (a clean clone in
 * CI) Vitest runs larger files first, which put the smallest and longest file, the crash harness
 * (over two minutes), last, with the other worker idle beside it for most of that time.
 */
import { BaseSequencer, type TestSpecification } from "vitest/node";

const LONGEST = [/\/test\/crash\/crash\.test\.ts$/];

export class LongestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const longest = (spec: TestSpecification) => LONGEST.some((pattern) => pattern.test(spec.moduleId));
    return [...sorted.filter(longest), ...sorted.filter((spec) => !longest(spec))];
  }
}
