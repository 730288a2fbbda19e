@echo off
rem preflight launcher for Windows: runs the preflight jar on the bundled Java runtime, else on a
rem JDK 21+ found by launcher\find-jdk.cmd; in a source checkout it builds the jar on first use.
rem C1 alone and the serial collector start fastest for runs of a few seconds (bench/jvm-options.sh);
setlocal
set "HERE=%~dp0"
if exist "%HERE%pom.xml" (
  set "JAR=%HERE%target\preflight.jar"
) else (
  set "JAR=%HERE%lib\preflight.jar"
)
set "PREFLIGHT_JDK="
if exist "%HERE%runtime\bin\java.exe" (
  set "PREFLIGHT_JDK=%HERE%runtime"
) else (
  call "%HERE%launcher\find-jdk.cmd"
)
if not defined PREFLIGHT_JDK (
  echo preflight: no JDK 21 or newer found ^(looked at JAVA_HOME, PATH and the JDK folders under %ProgramFiles%^); install one, or set JAVA_HOME. 1>&2
  exit /b 3
)

if exist "%HERE%pom.xml" if not exist "%JAR%" (
  echo preflight: building the jar ^(first use^)... 1>&2
  set "JAVA_HOME=%PREFLIGHT_JDK%"
  call "%HERE%mvnw.cmd" -q -B -DskipTests -f "%HERE%pom.xml" package 1>&2
  if errorlevel 1 (
    echo preflight: the build failed; see the output above. 1>&2
    exit /b 3
  )
)

rem serve runs for days, where C2's faster code pays for its compilations.
set "OPTIONS=-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xms64m"
if /i "%~1"=="serve" set "OPTIONS=-XX:+UseSerialGC -Xms64m"
"%PREFLIGHT_JDK%\bin\java.exe" %OPTIONS% -jar "%JAR%" %*
exit /b %ERRORLEVEL%
