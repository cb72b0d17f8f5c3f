; CC Inspector installer additions (electron-builder `nsis.include`): put the command-line
; tool (resources\cli\bin\cc-inspector.cmd) on the current user's PATH at install, and take it
; off at uninstall. Per-user install (perMachine: false), so the user's Path (HKCU\Environment);
; PowerShell edits it as a list, and SetEnvironmentVariable tells Windows it changed.
; NSIS: the command is a backtick string; $$ is a literal $ for PowerShell, $INSTDIR is NSIS's.

!macro customInstall
  nsExec::ExecToLog `powershell.exe -NoProfile -NonInteractive -ExecutionPolicy Bypass -Command "$$d = Join-Path '$INSTDIR' 'resources\cli\bin'; $$p = [Environment]::GetEnvironmentVariable('Path', 'User'); $$parts = @($$p -split ';' | Where-Object { $$_ -and $$_ -ne $$d }); [Environment]::SetEnvironmentVariable('Path', (($$parts + $$d) -join ';'), 'User')"`
!macroend

!macro customUnInstall
  nsExec::ExecToLog `powershell.exe -NoProfile -NonInteractive -ExecutionPolicy Bypass -Command "$$d = Join-Path '$INSTDIR' 'resources\cli\bin'; $$p = [Environment]::GetEnvironmentVariable('Path', 'User'); $$parts = @($$p -split ';' | Where-Object { $$_ -and $$_ -ne $$d }); [Environment]::SetEnvironmentVariable('Path', ($$parts -join ';'), 'User')"`
!macroend
