package dev.preflight.policy.pac;

import java.lang.reflect.Field;
import java.util.ArrayDeque;
import java.util.IdentityHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.mozilla.javascript.ConsString;

/**
 * Measures script strings before anything flattens them. Rhino builds {@code s + s} as a lazy
 * {@link ConsString} whose {@code int} length silently wraps past 2^31, so a string of 2^40
 * characters can claim to be short; this walks the concatenation tree instead, stopping as soon as
 * the total passes the limit.
 */
final class BoundedStrings {
  private static final @Nullable Field LEFT = field("left");
  private static final @Nullable Field RIGHT = field("right");

  private BoundedStrings() {}

  private static @Nullable Field field(String name) {
    try {
      Field field = ConsString.class.getDeclaredField(name);
      field.setAccessible(true);
      return field;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }

  /** The true length of {@code text}, or any value above {@code limit} once it is exceeded. */
  static long length(CharSequence text, long limit) {
    if (!(text instanceof ConsString) || LEFT == null || RIGHT == null) {
      return text.length() < 0 ? Long.MAX_VALUE : text.length();
    }
    return walk(text, limit, new IdentityHashMap<>());
  }

  /** Post-order over the concatenation DAG without recursion: trees can be millions deep. */
  private static long walk(CharSequence root, long limit, Map<CharSequence, Long> seen) {
    ArrayDeque<CharSequence> stack = new ArrayDeque<>();
    stack.push(root);
    while (!stack.isEmpty()) {
      CharSequence node = stack.peek();
      if (!(node instanceof ConsString) || seen.containsKey(node)) {
        stack.pop();
        continue;
      }
      CharSequence left = part(LEFT, node);
      CharSequence right = part(RIGHT, node);
      Long l = known(left, seen);
      Long r = known(right, seen);
      if (l != null && r != null) {
        seen.put(node, Math.min(l + r, limit + 1));
        stack.pop();
      } else {
        if (l == null) {
          stack.push(left);
        }
        if (r == null) {
          stack.push(right);
        }
      }
    }
    return known(root, seen);
  }

  private static @Nullable Long known(CharSequence text, Map<CharSequence, Long> seen) {
    return text instanceof ConsString ? seen.get(text) : Long.valueOf(text.length());
  }

  private static CharSequence part(Field field, CharSequence cons) {
    try {
      return (CharSequence) field.get(cons);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }
}
