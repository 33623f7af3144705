/** http://localhost:PORT of a component of the local stack (infra/stack/components.txt), e.g. 'gateway'. */
export function componentUrl(name: string): string
