# Finds a JDK 21 or newer, the one way both ./preflight and ./mvnw do it. POSIX sh, sourced.
#
# preflight_find_jdk [CACHE_FILE] sets preflight_jdk (its home) and preflight_jdk_version (its
# major version) and returns 0, or returns 1 when there is none. The order:
#   1. JAVA_HOME, when it is a JDK 21+;
#   2. the `java` on PATH, when it is 21+;
#   3. the newest JDK 21+ in the folders of PREFLIGHT_JDK_DIRS (separated by colons like PATH;
#      default: where Linux packages, macOS installers, SDKMAN! and IntelliJ put them).
# A JDK's version is read from its `release` file, so no JVM starts; only a java without one
# (a macOS /usr/bin/java stub, say) is asked with `java -version`. Every candidate needs bin/java
# and bin/javac: the source checkout builds the jar with it.
#
# With CACHE_FILE the answer is kept there and reused while JAVA_HOME, PATH and
# PREFLIGHT_JDK_DIRS are unchanged, the JDK still has a bin/java, its release file is older than
# the cache (a JDK updated in place has a new one) and no JDK folder changed (a JDK was added or
# removed). A cache that is unreadable or stale is simply written anew.

preflight_jdk_dirs() {
  printf '%s' "${PREFLIGHT_JDK_DIRS-/usr/lib/jvm:/usr/lib64/jvm:/usr/java:/opt/java:\
/Library/Java/JavaVirtualMachines:${HOME:-/nonexistent}/Library/Java/JavaVirtualMachines:\
${HOME:-/nonexistent}/.sdkman/candidates/java:${HOME:-/nonexistent}/.jdks}"
}

# Prints the major version of the JDK at $1 (8 for "1.8.0_412", 25 for "25.0.1"), or 0.
preflight_jdk_major() {
  _pf_version=""
  if [ -f "$1/release" ]; then
    while IFS= read -r _pf_line || [ -n "$_pf_line" ]; do
      case "$_pf_line" in JAVA_VERSION=*) _pf_version="${_pf_line#JAVA_VERSION=}" && break ;; esac
    done <"$1/release"
  elif [ -x "$1/bin/java" ]; then
    _pf_version="$("$1/bin/java" -version 2>&1 | sed -n 's/.* version "\([^"]*\)".*/\1/p')" || true
  fi
  _pf_version="${_pf_version#\"}"
  case "$_pf_version" in 1.*) _pf_version="${_pf_version#1.}" ;; esac
  _pf_version="${_pf_version%%[!0-9]*}"
  echo "${_pf_version:-0}"
}

# Succeeds when $1 is a JDK home of version 21 or newer; sets _pf_major.
preflight_jdk_usable() {
  [ -n "$1" ] && [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 1
  _pf_major="$(preflight_jdk_major "$1")"
  [ "$_pf_major" -ge 21 ]
}

# The home of the `java` on PATH (symbolic links resolved), or nothing.
preflight_path_jdk() {
  _pf_java="$(command -v java 2>/dev/null)" || return 0
  _pf_java="$(readlink -f "$_pf_java" 2>/dev/null || echo "$_pf_java")"
  echo "${_pf_java%/bin/java}"
}

# Sets preflight_jdk and preflight_jdk_version by the order above, or fails.
preflight_discover_jdk() {
  for _pf_home in "${JAVA_HOME:-}" "$(preflight_path_jdk)"; do
    if preflight_jdk_usable "$_pf_home"; then
      preflight_jdk="$_pf_home" preflight_jdk_version="$_pf_major"
      return 0
    fi
  done
  preflight_jdk="" preflight_jdk_version=0 _pf_ifs="$IFS"
  IFS=:
  for _pf_dir in $(preflight_jdk_dirs); do
    IFS="$_pf_ifs"
    for _pf_home in "$_pf_dir"/* "$_pf_dir"/*/Contents/Home; do
      if preflight_jdk_usable "$_pf_home" && [ "$_pf_major" -gt "$preflight_jdk_version" ]; then
        preflight_jdk="$_pf_home" preflight_jdk_version="$_pf_major"
      fi
    done
  done
  IFS="$_pf_ifs"
  [ -n "$preflight_jdk" ]
}

# What the answer depends on besides the JDK folders' contents.
preflight_cache_key() {
  printf '%s|%s|%s' "${JAVA_HOME:-}" "${PATH:-}" "$(preflight_jdk_dirs)"
}

# Reads the cached answer from $1; fails when there is none or it is stale.
preflight_cached_jdk() {
  [ -f "$1" ] || return 1
  {
    IFS= read -r _pf_key && IFS= read -r preflight_jdk && IFS= read -r preflight_jdk_version
  } <"$1" || return 1
  [ "$_pf_key" = "$(preflight_cache_key)" ] && [ -x "$preflight_jdk/bin/java" ] || return 1
  [ ! -e "$preflight_jdk/release" ] || [ "$1" -nt "$preflight_jdk/release" ] || return 1
  _pf_ifs="$IFS"
  IFS=:
  for _pf_dir in $(preflight_jdk_dirs); do
    IFS="$_pf_ifs"
    [ ! -d "$_pf_dir" ] || [ "$1" -nt "$_pf_dir" ] || return 1
  done
  IFS="$_pf_ifs"
  case "$preflight_jdk_version" in '' | *[!0-9]*) return 1 ;; esac
}

# The entry point; see the top of this file.
preflight_find_jdk() {
  if [ -n "${1:-}" ] && preflight_cached_jdk "$1"; then
    return 0
  fi
  preflight_discover_jdk || return 1
  if [ -n "${1:-}" ] && mkdir -p "${1%/*}" 2>/dev/null; then
    _pf_tmp="$1.$$"
    printf '%s\n%s\n%s\n' "$(preflight_cache_key)" "$preflight_jdk" "$preflight_jdk_version" \
      >"$_pf_tmp" 2>/dev/null && mv -f "$_pf_tmp" "$1" 2>/dev/null || rm -f "$_pf_tmp" 2>/dev/null
  fi
  return 0
}
