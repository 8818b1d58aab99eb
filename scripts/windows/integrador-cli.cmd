@echo off
rem Linha de comando do Integrador WinThor Ciashop instalado (copiado para resources\ pelo instalador).
rem Usa o proprio executavel do aplicativo como Node (ELECTRON_RUN_AS_NODE=1), com os modulos nativos
rem ja compilados para ele. Exemplos:
rem   integrador-cli.cmd --help
rem   integrador-cli.cmd serve --port 7585
setlocal
set ELECTRON_RUN_AS_NODE=1
"%~dp0..\IntegradorWinThorCiashop.exe" "%~dp0app.asar\dist\main\cli.cjs" %*
exit /b %ERRORLEVEL%