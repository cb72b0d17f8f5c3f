@echo off
rem cc-inspector as shipped with the CC Inspector app (resources\cli\bin, on the user PATH after
rem installation): runs the bundled command line with the Node.js 20.19 or later of this machine.
setlocal
set "HERE=%~dp0"
set "NODE=%CC_INSPECTOR_NODE%"
if "%NODE%"=="" set "NODE=node"
where "%NODE%" >nul 2>nul || if not exist "%NODE%" (
  echo cc-inspector needs Node.js 20.19 or later: install it from nodejs.org ^(or ask IT^), or set CC_INSPECTOR_NODE to its path. 1>&2
  exit /b 70
)
set "NODE_PATH=%HERE%..\..\app.asar.unpacked\node_modules;%NODE_PATH%"
"%NODE%" "%HERE%..\lib\index.js" %*
