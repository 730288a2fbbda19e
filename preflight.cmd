@echo off
rem preflight launcher for Windows: finds a Java 21+ runtime, builds the jar on first use, runs it.
setlocal EnableDelayedExpansion
set "HERE=%~dp0"
set "JAR=%HERE%target\preflight.jar"
set "JAVA_EXE="

if defined JAVA_HOME if exist "%JAVA_HOME%\bin\java.exe" call :check "%JAVA_HOME%\bin\java.exe"
if not defined JAVA_EXE for %%J in (java.exe) do if not "%%~$PATH:J"=="" call :check "%%~$PATH:J"
if not defined JAVA_EXE (
  echo preflight: no Java 21 or newer found ^(looked at JAVA_HOME and PATH^); install one and set JAVA_HOME. 1>&2
  exit /b 3
)

if not exist "%JAR%" (
  echo preflight: building the jar ^(first use^)... 1>&2
  for %%J in ("!JAVA_EXE!") do set "JAVA_HOME=%%~dpJ.."
  call "%HERE%mvnw.cmd" -q -B -DskipTests -f "%HERE%pom.xml" package 1>&2
  if errorlevel 1 (
    echo preflight: the build failed; see the output above. 1>&2
    exit /b 3
  )
)

"%JAVA_EXE%" -jar "%JAR%" %*
exit /b %ERRORLEVEL%

:check
set "CANDIDATE=%~1"
for /f "tokens=3" %%V in ('"%CANDIDATE%" -version 2^>^&1 ^| findstr /i "version"') do set "VER=%%~V"
for /f "delims=." %%M in ("%VER%") do set "MAJOR=%%M"
if %MAJOR% GEQ 21 set "JAVA_EXE=%CANDIDATE%"
exit /b 0
