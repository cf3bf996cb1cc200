# Sourced by the launchers: sets $jar to the dialer's jar, building it first when it is missing or older than any
# source or pom of the repository (build output under target/ does not count).
jar="$root/server/tools/target/fairdial.jar"
if [ ! -f "$jar" ] || [ -n "$(find "$root/pom.xml" "$root/server" "$root/media" -name target -prune \
    -o -type f -newer "$jar" -print -quit)" ]; then
  echo "building fairdial (mvn -B -q -DskipTests package)..." >&2
  (cd "$root" && mvn -B -q -DskipTests package)
fi
