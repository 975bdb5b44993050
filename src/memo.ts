/**
 * Remembering the answers of a pure function of a string: rendering asks the
 * same questions thousands of times (the width of a word, the tokens of a
 * field, a date in a language). Bounded: cleared when full, so memory stays
 * flat whatever the input, at the cost of asking again.
 */
export function memoize<V>(limit: number, compute: (key: string) => V): (key: string) => V {
  const answers = new Map<string, V>();
  return (key) => {
    let answer = answers.get(key);
    if (answer === undefined) {
      answer = compute(key);
      if (answers.size >= limit) answers.clear();
      answers.set(key, answer);
    }
    return answer;
  };
}
