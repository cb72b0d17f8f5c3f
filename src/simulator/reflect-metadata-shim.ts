// @peculiar/x509 loads tsyringe, which needs the Reflect metadata API before it is imported.
import 'reflect-metadata';
