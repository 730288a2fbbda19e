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
  call :bundled_version
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
set "OPTIONS=-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xms64m -Xmn32m -XX:SurvivorRatio=2"
if /i "%~1"=="serve" set "OPTIONS=-XX:+UseSerialGC -Xms64m -Xmn32m -XX:SurvivorRatio=2"
rem At exit the JVM waits up to 300 ms for threads blocked in native code, which a check always
rem has (the socket poller, the DNS selector); JDK 25+ can skip that wait (see ./preflight).
if %PREFLIGHT_JDK_VERSION% GEQ 25 set "OPTIONS=%OPTIONS% -XX:UserThreadWaitAttemptsAtExit=0"
"%PREFLIGHT_JDK%\bin\java.exe" %OPTIONS% -jar "%JAR%" %*
exit /b %ERRORLEVEL%

rem Sets PREFLIGHT_JDK_VERSION to the bundled runtime's major version, read from its release file
rem (JAVA_VERSION="25.0.1" is 25), or 0 when it says none.
:bundled_version
set "PREFLIGHT_JDK_VERSION=0"
for /f "usebackq tokens=1,* delims==" %%A in ("%HERE%runtime\release") do (
  if "%%A"=="JAVA_VERSION" for /f "tokens=1 delims=._-+" %%M in (%%B) do set "PREFLIGHT_JDK_VERSION=%%M"
)
exit /b 0
