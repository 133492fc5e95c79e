@echo off
rem The lrw command of a build (target\lrw\lrw.cmd): "lrw <command>" runs a command headless, "lrw" alone
rem opens the window. Put target\lrw on the PATH to call it from anywhere. JAVA_HOME picks the Java (17 or
rem newer) when set; LRW_JAVA_OPTS adds JVM options, e.g. set LRW_JAVA_OPTS=-Xmx8g
setlocal
set "JAVA_EXE=java"
if defined JAVA_HOME set "JAVA_EXE=%JAVA_HOME%\bin\java"
"%JAVA_EXE%" %LRW_JAVA_OPTS% -jar "%~dp0lrw.jar" %*
