@echo off
rem Finds a JDK 21 or newer, the one way preflight.cmd and mvnw.cmd do it (launcher/find-jdk.sh is
rem the same for Linux and macOS). Sets PREFLIGHT_JDK to its home, empty when there is none, and
rem PREFLIGHT_JDK_VERSION to its major version. The order:
rem   1. JAVA_HOME, when it is a JDK 21+;
rem   2. the java.exe on PATH, when its folder is a JDK 21+;
rem   3. the newest JDK 21+ in the install folders of Eclipse Adoptium (Temurin), Microsoft, Azul
rem      Zulu, Oracle, Amazon Corretto, BellSoft Liberica and IBM Semeru under Program Files.
rem A JDK's version is read from its release file, so no JVM starts. A JDK needs bin\java.exe and
rem bin\javac.exe: a source checkout builds the jar with it.
set "PREFLIGHT_JDK="
set "PREFLIGHT_JDK_VERSION=0"
if defined JAVA_HOME call :consider "%JAVA_HOME%"
if defined PREFLIGHT_JDK goto :done
for %%J in (java.exe) do if not "%%~$PATH:J"=="" call :consider "%%~dp$PATH:J.."
if defined PREFLIGHT_JDK goto :done
for %%V in ("Eclipse Adoptium" "Microsoft" "Zulu" "Java" "Amazon Corretto" "BellSoft" "Semeru") do (
  for /d %%H in ("%ProgramFiles%\%%~V\*") do call :newer "%%~fH"
)
:done
set "_PF_HOME="
set "_PF_MAJOR="
set "_PF_VERSION="
exit /b 0

rem Takes the JDK at %1 when it is 21+.
:consider
call :major "%~f1"
if %_PF_MAJOR% GEQ 21 (
  set "PREFLIGHT_JDK=%_PF_HOME%"
  set "PREFLIGHT_JDK_VERSION=%_PF_MAJOR%"
)
exit /b 0

rem Takes the JDK at %1 when it is 21+ and newer than the one found so far.
:newer
call :major "%~f1"
if %_PF_MAJOR% GEQ 21 if %_PF_MAJOR% GTR %PREFLIGHT_JDK_VERSION% (
  set "PREFLIGHT_JDK=%_PF_HOME%"
  set "PREFLIGHT_JDK_VERSION=%_PF_MAJOR%"
)
exit /b 0

rem Sets _PF_HOME to %1 and _PF_MAJOR to its major version ("21.0.4" is 21, "1.8.0_412" is 8),
rem or to 0 when %1 is not a JDK.
:major
set "_PF_HOME=%~1"
set "_PF_MAJOR=0"
set "_PF_VERSION="
if not exist "%_PF_HOME%\bin\java.exe" exit /b 0
if not exist "%_PF_HOME%\bin\javac.exe" exit /b 0
if not exist "%_PF_HOME%\release" exit /b 0
for /f "usebackq tokens=1,* delims==" %%A in ("%_PF_HOME%\release") do (
  if "%%A"=="JAVA_VERSION" set "_PF_VERSION=%%~B"
)
if not defined _PF_VERSION exit /b 0
for /f "tokens=1,2 delims=._-+" %%A in ("%_PF_VERSION%") do (
  if "%%A"=="1" (set "_PF_MAJOR=%%B") else (set "_PF_MAJOR=%%A")
)
exit /b 0
